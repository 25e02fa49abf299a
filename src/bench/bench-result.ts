import type { MachineInfo } from './machine.js';
import type { IngestRun } from './measure-ingest.js';
import type { ServingFigures } from './measure-latency.js';

/** Every figure of one benchmark run. */
export interface BenchResult {
  date: string;
  machine: MachineInfo;
  reports: number;
  corpus: { reports: number; megabytes: number; meanKb: number; traditionalShare: number; generateSeconds: number };
  ingest: {
    reportsPerSecond: number;
    reportsPerSecondPerCore: number;
    normalizeOnlyMsPerReport: number;
    runs: IngestRun[];
  };
  latency: ServingFigures['latency'];
  peakRssMb: number;
  coldStartMs: number;
  coldStartRunsMs: number[];
  dbBytesPerReport: number;
  targets: TargetCheck[];
  seconds: number;
  workDir: string | null;
}

/** One target of the issue, checked against a run. */
export interface TargetCheck {
  name: string;
  target: string;
  value: number;
  unit: string;
  met: boolean;
  /** value / limit for "at most" targets, limit / value for "at least" ones: > 1 means missed by that factor. */
  ratio: number;
}
