/** Guards the reserved pages: signed-out users go to /login (and come back afterwards). */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Action } from '../../shared/can.ts';
import { type LoginState, useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Loading } from './Loading.tsx';
import { Notice } from './Notice.tsx';
import { PageTitle } from './PageTitle.tsx';

interface RequireAuthProps {
  children: ReactNode;
  /** If given, the user needs this permission in her organisation (`/me` permissions). */
  action?: Action;
}

export function RequireAuth({ children, action }: RequireAuthProps) {
  const { me } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) {
    const state: LoginState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (action && !me.permissions.includes(action)) {
    return (
      <>
        <PageTitle title={t.common.forbidden} />
        <Notice kind="warning">{t.common.forbidden}</Notice>
      </>
    );
  }
  return <>{children}</>;
}
