/** One lifecycle for every long-lived part: construct with dependencies, start, stop releasing all it owns. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
