/** Select and checkbox options from a list of codes and a label group. */
import { useCallback } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { Messages } from '../i18n/it.ts';

export type LabelGroup = keyof Messages['labels'];
export interface Option {
  value: string;
  label: string;
}

export function useOptions() {
  const { label } = useI18n();
  return useCallback(
    (group: LabelGroup, codes: readonly string[], empty?: string): Option[] => [
      ...(empty === undefined ? [] : [{ value: '', label: empty }]),
      ...codes.map((c) => ({ value: c, label: label(group, c) })),
    ],
    [label],
  );
}
