import { describe, expect, it } from 'vitest';
import { ticReadings } from '../../../../hardware/drivers/tic/readings.js';

const g = (pairs: Record<string, string>) => Object.entries(pairs).map(([label, data]) => ({ label, data }));

describe('TIC readings', () => {
  it('historic Tempo: Wh indexes to kWh, their sum, PAPP/IINST/ISOUSC, PTEC and DEMAIN colours, ADPS', () => {
    const r = ticReadings(g({ ADCO: '031762120856', OPTARIF: 'BBR(', ISOUSC: '30', BBRHCJB: '000418496', BBRHPJB: '000571282', BBRHCJW: '000000000', PTEC: 'HPJW', DEMAIN: 'ROUG', IINST: '032', PAPP: '07350', ADPS: '032' }), 'historic');
    expect(r).toEqual({
      indexesKWh: { BBRHCJB: 418.496, BBRHPJB: 571.282, BBRHCJW: 0 },
      importedKWh: 418.496 + 571.282,
      apparentPowerVA: 7350, currentA: 32, subscribedA: 30,
      tariffPeriod: 'HPJW', tempoToday: 'white', tempoTomorrow: 'red', overSubscribed: true,
    });
  });

  it('historic base: no colour, DEMAIN unknown, not over', () => {
    const r = ticReadings(g({ BASE: '002565285', PTEC: 'TH..', DEMAIN: '----', PAPP: '00520' }), 'historic');
    expect(r).toEqual({ indexesKWh: { BASE: 2565.285 }, importedKWh: 2565.285, apparentPowerVA: 520, tariffPeriod: 'TH', overSubscribed: false });
  });

  it('standard: EAST/EAIT, EASFxx, SINSTS/IRMS1/URMS1/PREF, LTARF, STGE colours and over-subscription bit', () => {
    // 0x1A000080: bits 24–25 = 2 (white today), 26–27 = 2 (white tomorrow), bit 7 set.
    const r = ticReadings(g({ EAST: '000418496', EAIT: '000001234', EASF01: '000418496', EASF02: '000571282', EASD01: '1', SINSTS: '00520', IRMS1: '004', URMS1: '232', PREF: '06', LTARF: '  HP  BLANC ', STGE: '1A000080' }), 'standard');
    expect(r).toEqual({
      indexesKWh: { EASF01: 418.496, EASF02: 571.282 }, importedKWh: 418.496, exportedKWh: 1.234,
      apparentPowerVA: 520, currentA: 4, voltageV: 232, subscribedKVA: 6,
      tariffPeriod: 'HP  BLANC', tempoToday: 'white', tempoTomorrow: 'white', overSubscribed: true,
    });
    expect(ticReadings(g({ STGE: '07000000' }), 'standard')).toEqual({ indexesKWh: {}, tempoToday: 'red', tempoTomorrow: 'blue', overSubscribed: false });
    expect(ticReadings(g({ STGE: '003A0001' }), 'standard')).toEqual({ indexesKWh: {}, overSubscribed: false });
  });
});
