import { describe, expect, it } from 'vitest';
import { lifeDates, yearOf } from '../../../lib/text/life-dates';

describe('the dates a card shows', () => {
  it('says a life, a founding and a span as a reader would', () => {
    expect(lifeDates({ birthDate: '1957-10-07' })).toBe('born 1957');
    expect(lifeDates({ birthDate: '1957', deathDate: '2020-03' })).toBe('1957–2020');
    expect(lifeDates({ deathDate: '2020' })).toBe('died 2020');
    expect(lifeDates({ foundingDate: '1976-04-01' })).toBe('founded 1976');
    expect(lifeDates({ foundingDate: '1949', dissolutionDate: '1991' })).toBe('1949–1991');
    expect(lifeDates({ startDate: '1914', endDate: '1918' })).toBe('1914–1918');
    expect(lifeDates({ startDate: '2012' })).toBe('since 2012');
    expect(lifeDates({})).toBeUndefined();
  });

  it('reads years before the common era and ignores what is not a date', () => {
    expect(yearOf('-0044-03-15')).toBe('44 BC');
    expect(lifeDates({ birthDate: '-0100', deathDate: '-0044' })).toBe('100 BC–44 BC');
    expect(yearOf('soon')).toBeUndefined();
    expect(yearOf(1957)).toBeUndefined();
  });
});
