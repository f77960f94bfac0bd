import { describe, expect, it } from 'vitest';
import { countryRegistry, CountryRegistry, type Area } from '../../src/model/countries.js';

// Synthetic areas (not the shipped lists) for the precedence rules; the shipped registry for real names.
const area = (code: string, name: string): Area => ({ code, iso2: '', m49: '', comtrade: '', name, kind: 'country' });

describe('country registry name lookups (the name map is built on first use)', () => {
  it('resolves names and variants of the shipped lists, accents and case aside', () => {
    const reg = countryRegistry();
    expect(reg.codeForName('China')).toBe('CHN');
    expect(reg.codeForName('korea, rep.')).toBe('KOR');
    expect(reg.codeForName("Cote d'Ivoire")).toBe(reg.codeForName("Côte d'Ivoire"));
    expect(reg.resolveName('Japan')).toBe('JPN');
    expect(() => reg.resolveName('Atlantis')).toThrow();
    expect(reg.names()).toContain('china');
  });

  it('an alias wins over an area name that normalises the same; a later area over an earlier one', () => {
    const reg = new CountryRegistry([area('AAA', 'Alpha'), area('BBB', 'Beta'), area('CCC', 'beta')], [{ alias: 'ALPHA!', code: 'BBB' }], []);
    expect(reg.codeForName('alpha')).toBe('BBB');
    expect(reg.codeForName('Beta')).toBe('CCC');
    expect(reg.get('AAA')?.name).toBe('Alpha');
    expect(reg.names().sort()).toEqual(['alpha', 'beta']);
  });
});
