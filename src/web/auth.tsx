/** Who is signed in, the platform meta, logout and the idle-session watcher. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, onActivity, onUnauthorized, setCsrfToken, api } from './api.ts';
import { useI18n } from './i18n/index.tsx';
import { StepUpDialog } from './security/StepUpDialog.tsx';
import type { Me, Meta } from './types.ts';

/** The server ends a session after 15 idle minutes; check a little after that. */
const IDLE_MS = 15 * 60 * 1000 + 10 * 1000;
const CHECK_EVERY_MS = 30 * 1000;

export interface LoginState {
  expired?: boolean;
  loggedOut?: boolean;
  from?: string;
}

export type SignedOutReason = 'expired' | 'loggedOut' | null;

interface Auth {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  /** Why the user was signed out in this tab (shown on the login page). */
  signedOut: SignedOutReason;
  meta: Meta | null;
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const { lang, setLang } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [signedOut, setSignedOut] = useState<SignedOutReason>(null);
  const meRef = useRef<Me | null | undefined>(undefined);
  const lastActivity = useRef(Date.now());
  meRef.current = me;

  const refresh = useCallback(async () => {
    try {
      const data = await api.get('/me');
      setMe(data);
      setSignedOut(null);
      return data;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) {
        setMe(null);
        return null;
      }
      throw err;
    }
  }, []);

  // Platform meta (demo banner, version): no authentication needed.
  useEffect(() => {
    api
      .get('/meta')
      .then(setMeta)
      .catch(() => setMeta(null));
    refresh().catch(() => setMe(null));
  }, [refresh]);

  // A 401 on any call while signed in means the session is gone (idle timeout or revoked).
  useEffect(() => {
    onUnauthorized(() => {
      if (!meRef.current) return;
      meRef.current = null;
      setSignedOut('expired');
      setMe(null);
      setCsrfToken(null);
      const state: LoginState = { expired: true, from: window.location.pathname };
      navigate('/login', { state });
    });
    onActivity(() => {
      lastActivity.current = Date.now();
    });
    return () => {
      onUnauthorized(null);
      onActivity(null);
    };
  }, [navigate]);

  // Idle watcher: after 15 minutes without API calls, ask the server whether the session lives.
  useEffect(() => {
    if (!me) return;
    lastActivity.current = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > IDLE_MS) void refresh().catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [me, refresh]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // the session may already be gone: sign out locally anyway
    }
    // The server answers with Clear-Site-Data (storage too): keep the language choice.
    setLang(lang);
    setCsrfToken(null);
    meRef.current = null;
    setSignedOut('loggedOut');
    setMe(null);
    const state: LoginState = { loggedOut: true };
    navigate('/login', { state });
  }, [navigate, lang, setLang]);

  const value = useMemo<Auth>(
    () => ({
      me,
      meta,
      signedOut,
      refresh,
      logout,
    }),
    [me, meta, signedOut, refresh, logout],
  );

  return (
    <AuthContext.Provider value={value}>
      {children}
      <StepUpDialog />
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
