import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on; the load average says how shared it was. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  node: string;
  memoryGb: number;
  loadAverage: number[];
}

/** Describes this machine now. */
export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}
