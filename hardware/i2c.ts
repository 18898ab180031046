export interface I2cBus {
  readonly busNumber: number;
  readByte(address: number, register: number): Promise<number>;
  writeByte(address: number, register: number, value: number): Promise<void>;
  readBlock(address: number, register: number, length: number): Promise<Buffer>;
  writeBlock(address: number, register: number, data: Buffer): Promise<void>;
  /** Plain read without a register (e.g. BH1750, SHT31 results). */
  read(address: number, length: number): Promise<Buffer>;
  /** Plain write without a register (e.g. SHT31 commands). */
  write(address: number, data: Buffer): Promise<void>;
  /** Addresses 0x03–0x77 that acknowledge. */
  scan(): Promise<number[]>;
  close(): Promise<void>;
}
