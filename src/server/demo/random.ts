/** A small seeded PRNG (mulberry32), so that the demo is the same on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  /** picks by weight: [[value, weight], …] */
  const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r <= 0) return v;
    }
    return pairs[pairs.length - 1]?.[0] as T;
  };
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const n = int(min, Math.min(max, xs.length));
    return [...xs].sort(() => next() - 0.5).slice(0, n);
  };
  return { next, int, pick, weighted, some, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seeded>;

/** Synthetic first names and surnames: combinations, not real people. */
export const FIRST_NAMES = [
  'Giulia',
  'Francesca',
  'Chiara',
  'Sara',
  'Martina',
  'Elena',
  'Valentina',
  'Alessandra',
  'Federica',
  'Silvia',
  'Laura',
  'Paola',
  'Roberta',
  'Anna',
  'Maria',
  'Fatima',
  'Amina',
  'Olena',
  'Iryna',
  'Ana',
  'Mariana',
  'Luz',
  'Nadia',
  'Samira',
  'Irina',
  'Elisa',
  'Monica',
  'Daniela',
  'Ilaria',
  'Beatrice',
];
export const SURNAMES = [
  'Demo-Rossi',
  'Demo-Bianchi',
  'Demo-Colombo',
  'Demo-Ferrari',
  'Demo-Russo',
  'Demo-Galli',
  'Demo-Fontana',
  'Demo-Conti',
  'Demo-Greco',
  'Demo-Marino',
  'Demo-Bruno',
  'Demo-Costa',
  'Demo-Giordano',
  'Demo-Rizzi',
  'Demo-Lombardi',
  'Demo-Moretti',
  'Demo-Barbieri',
  'Demo-Sala',
  'Demo-Benali',
  'Demo-Kovalenko',
  'Demo-Pereira',
  'Demo-Popescu',
  'Demo-Mendoza',
  'Demo-Haddad',
];
