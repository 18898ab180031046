import { describe, expect, it } from 'vitest';
import { createFrameReader } from '../../../../hardware/drivers/tic/frame-reader.js';
import { createModeDetector } from '../../../../hardware/drivers/tic/mode-detect.js';
import { parseGroup, parseHorodate, ticChecksum } from '../../../../hardware/drivers/tic/protocol.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const frame = (groups: readonly string[]) => bytes(`\x02${groups.map((g) => `\n${g}\r`).join('')}\x03`);

// Groups as Enedis-NOI-CPT_54E prints them (ISOUSC, MOTDETAT, OPTARIF, HHPHC and the standard
// DATE group are the specification's own examples); the others follow its rule, worked by hand
// for two: "IINST 002" sums to 569, 569 & 0x3F = 57, + 0x20 = 89 = 'Y' (the trailing SP left out);
// "IRMS1\t004\t" sums to 530, 530 & 0x3F = 18, + 0x20 = 50 = '2' (the trailing HT counted).
const HISTORIC = [
  'ADCO 031762120856 @', 'OPTARIF BBR( S', 'ISOUSC 30 9', 'BBRHCJB 000418496 =', 'BBRHPJB 000571282 C',
  'PTEC HPJB P', 'DEMAIN BLAN K', 'IINST 002 Y', 'IMAX 090 H', 'PAPP 00520 (', 'HHPHC Y D', 'MOTDETAT 000000 B', 'ADPS 035 @',
];
const STANDARD = [
  'ADSC\t041876097134\t?', 'DATE\tH081225223518\t\tH', 'EAST\t000418496\t/', 'EASF01\t000418496\tB', 'EASF02\t000571282\t<',
  'EAIT\t000001234\tO', 'IRMS1\t004\t2', 'URMS1\t232\tA', 'PREF\t06\tE', 'SINSTS\t00520\tM',
  'SMAXSN\tH081225073230\t03420\t7', 'LTARF\tHEURE CREUSE\tK', 'STGE\t003A0001\t:',
];

describe('TIC group checksum', () => {
  it('historic: label, SP and data; the SP before the checksum is not counted', () => {
    expect(String.fromCharCode(ticChecksum(bytes('IINST 002')))).toBe('Y');
    expect(parseGroup(bytes('IINST 002 Y'), 'historic')).toEqual({ ok: true, group: { label: 'IINST', data: '002' } });
    // The standard rule (separator included) would give '9': that group must fail.
    expect(parseGroup(bytes('IINST 002 9'), 'historic')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('standard: label through the HT before the checksum, inclusive', () => {
    expect(String.fromCharCode(ticChecksum(bytes('IRMS1\t004\t')))).toBe('2');
    expect(parseGroup(bytes('IRMS1\t004\t2'), 'standard')).toEqual({ ok: true, group: { label: 'IRMS1', data: '004' } });
    expect(String.fromCharCode(ticChecksum(bytes('IRMS1\t004')))).toBe(')');
    expect(parseGroup(bytes('IRMS1\t004\t)'), 'standard')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('every example group of both modes passes its own mode and fails the other', () => {
    for (const g of HISTORIC) expect(parseGroup(bytes(g), 'historic').ok, g).toBe(true);
    for (const g of STANDARD) expect(parseGroup(bytes(g), 'standard').ok, g).toBe(true);
    for (const g of HISTORIC) expect(parseGroup(bytes(g), 'standard').ok, g).toBe(false);
    for (const g of STANDARD) expect(parseGroup(bytes(g), 'historic').ok, g).toBe(false);
  });

  it('a checksum that is itself a space is read by position, not split on', () => {
    // "ABC 0:0" sums to 384: 384 & 0x3F = 0 → 0x20, a space.
    expect(ticChecksum(bytes('ABC 0:0'))).toBe(0x20);
    expect(parseGroup(bytes('ABC 0:0  '), 'historic')).toEqual({ ok: true, group: { label: 'ABC', data: '0:0' } });
  });

  it('standard data may hold spaces; one changed byte fails the group', () => {
    expect(parseGroup(bytes('LTARF\tHEURE CREUSE\tK'), 'standard')).toEqual({ ok: true, group: { label: 'LTARF', data: 'HEURE CREUSE' } });
    expect(parseGroup(bytes('LTARF\tHEURE PLEINE\tK'), 'standard')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseGroup(bytes('PAPP 00521 ('), 'historic')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseGroup(bytes('X'), 'historic')).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('TIC horodates', () => {
  it('reads the specification\'s DATE group: a winter time stamp and empty data', () => {
    expect(parseGroup(bytes('DATE\tH081225223518\t\tH'), 'standard')).toEqual({
      ok: true,
      group: { label: 'DATE', data: '', horodate: { iso: '2008-12-25T22:35:18+01:00', season: 'winter', degraded: false } },
    });
  });

  it('reads a horodated value, summer time, a degraded clock and an unknown season', () => {
    const r = parseGroup(bytes('SMAXSN\tH081225073230\t03420\t7'), 'standard');
    expect(r).toEqual({ ok: true, group: { label: 'SMAXSN', data: '03420', horodate: { iso: '2008-12-25T07:32:30+01:00', season: 'winter', degraded: false } } });
    expect(parseHorodate('E240615120000')).toEqual({ iso: '2024-06-15T12:00:00+02:00', season: 'summer', degraded: false });
    expect(parseHorodate('e240615120000')?.degraded).toBe(true);
    expect(parseHorodate(' 240615120000')).toEqual({ iso: '2024-06-15T12:00:00', season: 'unknown', degraded: false });
    expect(parseHorodate('H241315120000')).toBeUndefined();
    expect(parseHorodate('X240615120000')).toBeUndefined();
  });
});

describe('TIC frame reader', () => {
  it('returns a frame\'s groups in order, whatever the chunking, ignoring bytes before STX', () => {
    const reader = createFrameReader('historic');
    const all = new Uint8Array([0x41, 0x0d, ...frame(HISTORIC)]);
    const frames = [...all].flatMap((b) => reader.push(Uint8Array.of(b)));
    expect(frames).toHaveLength(1);
    expect(frames[0]!.rejected).toBe(0);
    expect(frames[0]!.groups.map((g) => g.label)).toEqual(HISTORIC.map((g) => g.split(' ')[0]));
    expect(frames[0]!.groups.find((g) => g.label === 'PAPP')?.data).toBe('00520');
  });

  it('drops and counts corrupted groups, keeps the good ones of the same frame', () => {
    const reader = createFrameReader('standard');
    const corrupted = STANDARD.map((g, i) => (i === 2 ? g.replace('000418496', '000418497') : i === 5 ? g.slice(0, 3) : g));
    const [f] = reader.push(frame(corrupted));
    expect(f!.rejected).toBe(2);
    expect(f!.groups.map((g) => g.label)).not.toContain('EAST');
    expect(f!.groups.map((g) => g.label)).not.toContain('EAIT');
    expect(f!.groups).toHaveLength(STANDARD.length - 2);
  });

  it('counts a group cut short by the next LF or the ETX; EOT voids the frame; the eighth bit is masked', () => {
    const reader = createFrameReader('historic');
    expect(reader.push(bytes('\x02\nIINST 00\nPAPP 00520 (\r\nIMAX\x03'))).toEqual([
      { groups: [{ label: 'PAPP', data: '00520' }], rejected: 2 },
    ]);
    expect(reader.push(bytes('\x02\nIINST 002 Y\r\x04\x03'))).toEqual([]);
    const parityBits = Uint8Array.from(frame(['IINST 002 Y']), (b) => b | 0x80);
    expect(reader.push(parityBits)).toEqual([{ groups: [{ label: 'IINST', data: '002' }], rejected: 0 }]);
  });

  it('reset forgets a partial frame', () => {
    const reader = createFrameReader('historic');
    reader.push(bytes('\x02\nIINST 002 Y\r'));
    reader.reset();
    expect(reader.push(bytes('\nPAPP 00520 (\r\x03'))).toEqual([]);
  });
});

describe('TIC mode detection', () => {
  it('a standard meter read as historic gives only rejects; the detector flips, then stays', () => {
    const detector = createModeDetector('historic', 1000);
    let reader = createFrameReader(detector.mode);
    const data = frame(STANDARD);
    let flips = 0;
    for (let i = 0; i < 10; i += 1) {
      const before = detector.mode;
      const mode = detector.observe(data.length, reader.push(data));
      if (mode !== before) {
        flips += 1;
        reader = createFrameReader(mode);
      }
    }
    expect(detector.mode).toBe('standard');
    expect(flips).toBe(1);
  });

  it('keeps flipping while only garbage comes, and a valid frame locks it', () => {
    const detector = createModeDetector('standard', 100);
    expect(detector.observe(99, [])).toBe('standard');
    expect(detector.observe(1, [])).toBe('historic');
    expect(detector.observe(100, [{ groups: [], rejected: 3 }])).toBe('standard');
    expect(detector.observe(60, [{ groups: [{ label: 'EAST', data: '1' }], rejected: 0 }])).toBe('standard');
    expect(detector.observe(99, [])).toBe('standard');
  });
});
