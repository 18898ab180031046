import type { Level, Unwatch } from '../../gpio.js';
import type { SimI2cDevice } from '../i2c.js';
import { createRegisterFile } from './register-file.js';

export interface Mcp23017Emulator extends SimI2cDevice {
  /** Drive an input pin (0–15) from outside, like a button to ground. */
  drive(pin: number, value: Level): void;
  /** Physical level of a pin: OLAT for outputs, the outside (or pull-up) for inputs. */
  level(pin: number): Level;
  /** Called when an output pin changes level (relays behind the expander). */
  onPinChange(cb: (pin: number, value: Level) => void): Unwatch;
}

// IOCON.BANK = 0 layout; BANK = 1 is not emulated.
const IODIRA = 0x00;
const IPOLA = 0x02;
const GPPUA = 0x0c;
const GPIOA = 0x12;
const OLATA = 0x14;

/** An MCP23017 16-line expander at register level, inputs and outputs on both ports. */
export function createMcp23017Emulator(): Mcp23017Emulator {
  const outside = new Map<number, Level>();
  const watchers = new Set<(pin: number, value: Level) => void>();
  const word = (reg: number): number => file.regs[reg]! | (file.regs[reg + 1]! << 8);
  const isOutput = (pin: number): boolean => ((word(IODIRA) >> pin) & 1) === 0;
  const level = (pin: number): Level => {
    if (isOutput(pin)) return ((word(OLATA) >> pin) & 1) as Level;
    return outside.get(pin) ?? (((word(GPPUA) >> pin) & 1) as Level);
  };
  const snapshot = (): Level[] => Array.from({ length: 16 }, (_, p) => level(p));

  const file = createRegisterFile(0x16, {
    onRead(reg) {
      if (reg !== GPIOA && reg !== GPIOA + 1) return undefined;
      const base = (reg - GPIOA) * 8;
      let value = 0;
      for (let bit = 0; bit < 8; bit++) {
        const pin = base + bit;
        const inverted = !isOutput(pin) && ((word(IPOLA) >> pin) & 1) === 1;
        value |= (level(pin) ^ (inverted ? 1 : 0)) << bit;
      }
      return value;
    },
    onWrite(reg, value) {
      const before = snapshot();
      // Writing GPIO writes the output latch (datasheet §3.5.10).
      const target = reg === GPIOA || reg === GPIOA + 1 ? reg + 2 : reg;
      if (target >= 0x0e && target <= 0x11) return false; // INTF / INTCAP are read-only
      file.regs[target] = value;
      const after = snapshot();
      for (let pin = 0; pin < 16; pin++) {
        if (before[pin] !== after[pin] && isOutput(pin)) for (const cb of [...watchers]) cb(pin, after[pin]!);
      }
      return false;
    },
  });
  file.regs[IODIRA] = 0xff;
  file.regs[IODIRA + 1] = 0xff;

  return {
    write: file.write,
    read: file.read,
    drive(pin, value) {
      outside.set(pin, value);
    },
    level,
    onPinChange(cb) {
      watchers.add(cb);
      return () => {
        watchers.delete(cb);
      };
    },
  };
}
