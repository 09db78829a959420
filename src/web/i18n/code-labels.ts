/**
 * A label for every code of a shared list (src/shared/codes): `labelsFor(URGENCIES, {...})` is a
 * `Record<Urgency, string>`, so a code without a label, or a label for no code, does not compile.
 * The English catalogue has the Italian one's type, so it is held to the same lists.
 */
export const labelsFor = <T extends string>(
  _codes: readonly T[],
  labels: Record<NoInfer<T>, string>,
): Record<T, string> => labels;
