import { access, constants, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { SocPwm } from '../pwm.js';
import { describePwm } from '../line-spec.js';
import { HardwareError, errnoOf } from '../errors.js';
import { createSerialQueue } from '../common/serial-queue.js';

const OVERLAY_HINT = 'add dtoverlay=pwm-2chan to /boot/firmware/config.txt (channel 0 on GPIO 18, 1 on GPIO 19; pin=12,func=4,pin2=13,func2=4 for GPIO 12/13) and reboot';

function pwmError(err: unknown, where: string, file: string): HardwareError {
  switch (errnoOf(err)) {
    case 'EACCES':
    case 'EPERM':
      return new HardwareError('permission', `no permission to write ${file} of ${where}`, {
        hint: "add the service user to group gpio (sudo usermod -aG gpio hearth): Raspberry Pi OS's udev rules give it /sys/class/pwm",
        cause: err,
      });
    case 'EBUSY':
      return new HardwareError('busy', `${where} is in use by another driver`, { hint: 'a pwm-fan or audio overlay holds it; remove the overlay or pick the other channel', cause: err });
    case 'EINVAL':
      return new HardwareError('invalid', `the kernel refused ${file} of ${where}`, { hint: 'the frequency may be out of this chip\'s range', cause: err });
    default:
      return new HardwareError('io', `cannot write ${file} of ${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/**
 * The SoC's PWM through `<sysfsRoot>/class/pwm/pwmchipN/pwmM/{period,duty_cycle,polarity,enable}`.
 * A channel is exported if it is not already, set up disabled (the kernel changes
 * polarity only then), enabled at duty 0, and on close left at duty 0, disabled and
 * unexported.
 */
export function createSysfsPwm(sysfsRoot: string, options: { exportTimeoutMs?: number } = {}): SocPwm {
  const exportTimeoutMs = options.exportTimeoutMs ?? 1000;
  return {
    async open(spec) {
      const where = describePwm(spec);
      const chipDir = join(sysfsRoot, 'class', 'pwm', `pwmchip${spec.pwmchip}`);
      let npwm: number;
      try {
        npwm = Number((await readFile(join(chipDir, 'npwm'), 'utf8')).trim());
      } catch (err) {
        if (errnoOf(err) === 'ENOENT') throw new HardwareError('not_found', `${where}: ${chipDir} does not exist`, { hint: OVERLAY_HINT, cause: err });
        throw pwmError(err, where, 'npwm');
      }
      if (spec.channel >= npwm) throw new HardwareError('invalid', `${where}: pwmchip${spec.pwmchip} has ${npwm} channels (0–${npwm - 1})`);
      const dir = join(chipDir, `pwm${spec.channel}`);
      const put = async (file: string, value: string | number, base = dir): Promise<void> => {
        try {
          await writeFile(join(base, file), `${value}\n`);
        } catch (err) {
          throw pwmError(err, where, file);
        }
      };
      if (!(await writable(join(dir, 'enable')))) {
        await put('export', spec.channel, chipDir);
        // The kernel creates pwmM/ at once; udev hands its files to group gpio a moment later.
        const deadline = Date.now() + exportTimeoutMs;
        while (!(await writable(join(dir, 'enable')))) {
          if (Date.now() > deadline) throw new HardwareError('permission', `${where}: exported, but ${dir} did not become writable`, { hint: 'check the udev rules for /sys/class/pwm (group gpio)' });
          await delay(10);
        }
      }
      const periodNs = Math.round(1e9 / spec.frequencyHz);
      // Dark before anything else: a channel left enabled by a crashed hub stops driving at once.
      await put('duty_cycle', 0);
      await put('enable', 0);
      await put('period', periodNs);
      await put('polarity', spec.polarity);
      await put('enable', 1);
      const queue = createSerialQueue();
      let closed = false;
      return {
        set: (duty) =>
          queue.run(async () => {
            if (closed) throw new HardwareError('closed', `${where} is closed`);
            await put('duty_cycle', Math.round(periodNs * Math.min(1, Math.max(0, duty))));
          }),
        close: () =>
          queue.run(async () => {
            if (closed) return;
            closed = true;
            await put('duty_cycle', 0);
            await put('enable', 0);
            await put('unexport', spec.channel, chipDir);
          }),
      };
    },
  };
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
