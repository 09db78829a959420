/**
 * Type-level tests of the typed API client, checked by `npm run typecheck` (never run: each call sits in
 * a function nobody calls). Every `@ts-expect-error` line must fail to compile, or tsc reports it unused.
 */
import type { ArgsOf, ResponseOf } from './api-contract.ts';
import { api } from './api.ts';
import type { CaseDetail } from './cases/types.ts';
import { useApi } from './useApi.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(_: T) => undefined;

export async function responses() {
  assert<Equal<ResponseOf<'GET', '/cases/:id'>, CaseDetail>>(true);
  assert<Equal<ResponseOf<'POST', '/auth/logout'>, void>>(true);
  const c = await api.get('/cases/:id', { params: { id: 'x' } });
  assert<Equal<typeof c, CaseDetail>>(true);
  // @ts-expect-error: a case is not a list
  const wrong: { items: unknown[] } = await api.get('/cases/:id', { params: { id: 'x' } });
  // @ts-expect-error: the caller cannot pick the response type any more
  await api.get<'/cases/:id', { anything: true }>('/cases/:id', { params: { id: 'x' } });
  return wrong;
}

export async function requests() {
  // @ts-expect-error: an unknown path
  await api.get('/cases/:id/nothing', { params: { id: 'x' } });
  // @ts-expect-error: the path parameter is required
  await api.get('/cases/:id');
  // @ts-expect-error: a wrong parameter name
  await api.get('/cases/:id', { params: { caseId: 'x' } });
  // @ts-expect-error: GET /cases/:id takes no body
  await api.get('/cases/:id', { params: { id: 'x' }, body: {} });
  // @ts-expect-error: the body of a message is required
  await api.post('/referrals/:id/messages', { params: { id: 'x' } });
  // @ts-expect-error: a misspelt body field
  await api.post('/referrals/:id/messages', { params: { id: 'x' }, body: { text: 'hi' } });
  // @ts-expect-error: a misspelt query name
  await api.get('/cases', { query: { surnme: 'x' } });
  // @ts-expect-error: wrong method for the path
  await api.post('/cases/:id', { params: { id: 'x' } });
  const ok: ArgsOf<'GET', '/me'> = [];
  return ok;
}

export function useTypedHookCheck(id: string) {
  const { data } = useApi('/cases/:id', { params: { id } });
  assert<Equal<typeof data, CaseDetail | undefined>>(true);
  // @ts-expect-error: the hook needs the path parameter too
  useApi('/cases/:id/needs-assessments');
  // null skips loading
  useApi('/cases/:id/needs-assessments', null);
  // @ts-expect-error: the hook's data type follows from the path
  const wrong: { items: unknown[] } | undefined = useApi('/cases/:id', { params: { id } }).data;
  return wrong;
}
