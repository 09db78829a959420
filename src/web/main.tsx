/** Entry point: styles, providers, router. */
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/app.css';
import './styles/forms.css';
import './styles/cases.css';
import './styles/referrals.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App } from './App.tsx';
import { AuthProvider } from './auth.tsx';
import { trackFocusMode } from './focus-mode.ts';
import { I18nProvider, initialLang, loadCatalogue } from './i18n/index.tsx';

trackFocusMode();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

// A data router (one splat route holding the app's <Routes>), so that forms can block leaving
// with unsaved changes (useBlocker, forms/LeaveGuard.tsx).
const router = createBrowserRouter(
  [
    {
      path: '*',
      element: (
        <AuthProvider>
          <App />
        </AuthProvider>
      ),
    },
  ],
  { future: { v7_relativeSplatPath: true } },
);

// the saved language's texts first (English is a chunk of its own), then the first render
void loadCatalogue(initialLang())
  .catch(() => undefined)
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <I18nProvider>
          <RouterProvider router={router} future={{ v7_startTransition: true }} />
        </I18nProvider>
      </StrictMode>,
    ),
  );
