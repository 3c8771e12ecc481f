/**
 * Backends that read their local wall clock as UTC, in zones that are not whole hours. The
 * arithmetic is each language's own:
 *   Java    LocalDateTime.now().toEpochSecond(ZoneOffset.UTC)  → true epoch + the zone's offset
 *   Python  datetime.utcnow().timestamp()  (naive UTC read as local) → true epoch − the zone's offset
 */
import { describe, expect, it } from 'vitest';
import { iatFuture } from '../../../lib/rules/iat-future';
import { tokenExpired } from '../../../lib/rules/token-expired';
import { zoneForShift } from '../../../lib/rules/time-zone';
import { JOIN_TIME, run, tokenFor } from './token-helpers';

/** Java: the wall clock of a zone `offsetMin` east of UTC, read as UTC, back-dated 30 s. */
const javaLocalAsUtc = (trueEpoch: number, offsetMin: number) => trueEpoch + offsetMin * 60 - 30;
/** Python: utcnow() is naive; .timestamp() reads it as local time of a zone `offsetMin` east of UTC. */
const pythonUtcnowTimestamp = (trueEpoch: number, offsetMin: number) => Math.floor(trueEpoch - offsetMin * 60);

describe('local time read as UTC, in zones that are not whole hours', () => {
  it('India (UTC+5:30), Java LocalDateTime: iat 5 h 29 min 30 s ahead is named UTC+5:30', async () => {
    const iat = javaLocalAsUtc(JOIN_TIME, 330);
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('the offset of UTC+5:30');
    expect(f?.data?.['utcOffsetMinutes']).toBe(330);
    expect(f?.fix).toContain('Instant.now().getEpochSecond()');
  });

  it('Nepal (UTC+5:45) is told apart from India (UTC+5:30)', async () => {
    const iat = javaLocalAsUtc(JOIN_TIME, 345);
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('UTC+5:45');
  });

  it('Newfoundland (UTC−3:30), Python datetime.utcnow().timestamp(): iat 3 h 30 min ahead, the message names the Python case', async () => {
    const iat = pythonUtcnowTimestamp(JOIN_TIME, -210);
    const [f] = run(iatFuture, await tokenFor({ iat, exp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('Python `datetime.utcnow().timestamp()` on a server at UTC−3:30');
    expect(f?.fix).toContain('datetime.utcnow().timestamp()');
  });

  it('Newfoundland (UTC−3:30), Java LocalDateTime: exp passed 1 h 30 min ago; token-expired names the zone, not only "a clock that is behind"', async () => {
    const iat = javaLocalAsUtc(JOIN_TIME, -210);
    const [f] = run(tokenExpired, await tokenFor({ iat, exp: iat + 7200, tokenExp: iat + 7200 }), { referenceTime: JOIN_TIME });
    expect(f?.message).toContain('the offset of UTC−3:30');
    expect(f?.data?.['utcOffsetMinutes']).toBe(-210);
    expect(f?.fix).toContain('LocalDateTime.now()');
  });

  it('a 20 s skew or a 40-minute gap (no zone is 40 minutes off a whole hour) names no zone', () => {
    expect(zoneForShift(20)).toBeNull();
    expect(zoneForShift(3600 + 40 * 60)).toBeNull();
    expect(zoneForShift(-(5 * 3600 + 45 * 60))).toBeNull(); // no zone at UTC−5:45
  });
});
