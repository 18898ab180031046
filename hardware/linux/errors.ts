import { HardwareError, errnoOf } from '../errors.js';
import type { GpioChipInfo } from './gpiochip.js';

/** Raspberry Pi OS ships this rule; other distributions need it to give group gpio the chips. */
export const GPIOCHIP_UDEV_RULE = 'SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660"';

const GPIO_GROUP_HINT =
  `add the service user to group gpio (sudo usermod -aG gpio hearth) and restart; without Raspberry Pi OS's udev rules, ` +
  `put ${GPIOCHIP_UDEV_RULE} in /etc/udev/rules.d/60-gpiochip.rules and run sudo udevadm trigger`;

/** A character-device request or chip open the kernel refused. */
export function gpiodError(err: unknown, where: string, chipPath: string): HardwareError {
  switch (errnoOf(err)) {
    case 'EACCES':
    case 'EPERM':
      return new HardwareError('permission', `no permission to use ${where} (${chipPath})`, { hint: GPIO_GROUP_HINT, cause: err });
    case 'EBUSY':
      return new HardwareError('busy', `${where} is in use by another consumer`, {
        hint: `gpioinfo ${chipPath} names it: a device-tree overlay (1-Wire, I2C, SPI, UART, gpio-keys …), another program or a second hub`,
        cause: err,
      });
    case 'ENOENT':
      return new HardwareError('not_found', `${chipPath} does not exist`, { cause: err });
    default:
      return new HardwareError('io', `cannot use ${where} (${chipPath}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

export function gpioOpenError(err: unknown, bcm: number, sysfs: number, chip: GpioChipInfo): HardwareError {
  const where = `GPIO ${bcm} (sysfs gpio${sysfs})`;
  switch (errnoOf(err)) {
    case 'EACCES':
    case 'EPERM':
      return new HardwareError('permission', `no permission to use ${where}`, {
        hint: GPIO_GROUP_HINT,
        cause: err,
      });
    case 'EBUSY':
      return new HardwareError('busy', `${where} is claimed by another driver`, {
        hint: 'a device-tree overlay (1-Wire, I2C, SPI, UART, gpio-keys …) owns this pin; pick another line or remove the overlay',
        cause: err,
      });
    case 'EINVAL':
      return new HardwareError('invalid', `the kernel refused to export ${where}`, {
        hint: `detected header chip ${chip.name} "${chip.label}" with base ${chip.base} and ${chip.ngpio} lines`,
        cause: err,
      });
    default:
      return new HardwareError('io', `cannot open ${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

export function i2cError(err: unknown, busNumber: number, what: string): HardwareError {
  if (err instanceof HardwareError) return err;
  const code = errnoOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return new HardwareError('permission', `no permission to open /dev/i2c-${busNumber}`, {
      hint: 'add the service user to group i2c (sudo usermod -aG i2c hearth) and restart',
      cause: err,
    });
  }
  if (code === 'ENOENT') {
    return new HardwareError('not_found', `/dev/i2c-${busNumber} does not exist`, {
      hint: 'enable I2C (raspi-config, or dtparam=i2c_arm=on in config.txt) and reboot',
      cause: err,
    });
  }
  if (code === 'ENXIO' || code === 'EREMOTEIO' || code === 'EIO') {
    return new HardwareError('io', `${what} on /dev/i2c-${busNumber} failed (${code}): no acknowledge`, {
      hint: 'check the address, wiring and pull-ups (i2cdetect -y ' + busNumber + ')',
      cause: err,
    });
  }
  return new HardwareError('io', `${what} on /dev/i2c-${busNumber} failed: ${detail}`, { cause: err });
}
