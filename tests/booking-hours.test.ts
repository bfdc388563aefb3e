import { describe, expect, it } from 'vitest';
import { loadCentres } from '../src/booking/centres.js';
import { openWeekdaysLabel, weekHoursLabel } from '../src/booking/hours.js';
import { PATHS } from '../src/paths.js';

const centres = loadCentres(PATHS.centres);
const centre = (id: string) => centres.find((c) => c.id === id)!;

describe('a centre week in words', () => {
  it('puts days with the same hours together and keeps a shorter Friday apart', () => {
    expect(weekHoursLabel(centre('ng-abuja'), 'en')).toBe('Monday–Thursday 09:00–15:00, Friday 09:00–12:00');
  });
  it('reads a Sunday-to-Thursday week as one run, in the person language and comma', () => {
    expect(weekHoursLabel(centre('iq-erbil'), 'ar')).toBe('الأحد–الخميس 09:00–15:00');
    expect(weekHoursLabel(centre('pk-lahore'), 'ur')).toContain('، ');
  });
  it('names the open days alone as one run across the weekend', () => {
    expect(openWeekdaysLabel(centre('iq-erbil'), 'en')).toBe('Sunday–Thursday');
    expect(openWeekdaysLabel(centre('gh-accra'), 'fr')).toBe('lundi–vendredi');
  });
});
