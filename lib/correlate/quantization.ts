import { chanceOfAccidentalQuantization } from '../rules/quantization';
import type { CorrelationItem, QuantizationEvidence } from './types';
import { iatOf, isFloatQuantized } from './offsets';

/** "1 in 2,097,152" for small chances, a percentage otherwise. */
export function chanceText(p: number): string {
  if (p <= 0) return '0';
  if (p >= 0.01) return `${Math.round(p * 1000) / 10}%`;
  const inverse = 1 / p;
  return inverse < 1e9 ? `1 in ${Math.round(inverse).toLocaleString('en-US')}` : `1 in ${inverse.toExponential(1)}`;
}

/**
 * Quantisation across tokens. Tokens issued within the same second (or the same 128 s step of a
 * quantising backend) share one iat and are not independent draws, so only distinct iat values
 * count. One honest iat in 128 is a multiple of 128; k of n by accident is the Binomial(n, 1/128)
 * tail, about (1/128)^k when k = n.
 */
export function quantizationEvidence(items: readonly CorrelationItem[]): QuantizationEvidence {
  const iats = new Set<number>();
  for (const item of items) {
    const iat = iatOf(item);
    if (iat !== null && Number.isInteger(iat) && iat > 0) iats.add(iat);
  }
  return quantizationFromCounts([...iats].filter(isFloatQuantized).length, iats.size);
}

/** The evidence from k multiples of 128 s among n distinct iats (also the running correlation's: lib/correlate/accumulator.ts). */
export function quantizationFromCounts(k: number, n: number): QuantizationEvidence {
  if (k === 0) {
    return { distinctIats: n, multiplesOf128: 0, chanceByAccident: 1, verdict: 'none', text: n === 0 ? 'No token had an integer iat to check for quantisation.' : `None of ${n} distinct iat values is a multiple of 128 s: no sign of Java Math.round(long).` };
  }
  const chance = chanceOfAccidentalQuantization(k, n);
  const verdict: QuantizationEvidence['verdict'] = k >= 3 && chance < 1e-4 ? 'near-certain' : k >= 2 && chance < 0.01 ? 'likely' : 'possible';
  const approx = k === n ? ` (≈ (1/128)^${k})` : '';
  const conclusion =
    verdict === 'near-certain'
      ? 'near certain: the backend rounds iat through a float (Java Math.round(long) widening the long to float), which puts iat up to 64 s in the future and fails about 27% of joins with the usual −30 s back-date.'
      : verdict === 'likely'
        ? 'likely the Java Math.round(long) float widening; a few more tokens would make it certain.'
        : 'one multiple of 128 happens by chance; check a few more tokens.';
  return {
    distinctIats: n,
    multiplesOf128: k,
    chanceByAccident: chance,
    verdict,
    text: `${k} of ${n} distinct iat values ${k === 1 ? 'is a multiple' : 'are multiples'} of 128 s. An honest iat is a multiple of 128 one time in 128; ${k} or more of ${n} by accident has a chance of ${chanceText(chance)}${approx}: ${conclusion}`,
  };
}
