// Structured log lines that Cloud Logging reads (one JSON object per line, `severity`).
// Callers pass outcomes, IDs and timings only: never names, emails or answer text.

export type Severity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
const ORDER: Record<Severity, number> = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 };

export interface Logger {
  log(severity: Severity, message: string, fields?: Record<string, unknown>): void;
}

/** `level`: DEBUG, INFO, WARNING, ERROR or SILENT (the configuration's LOG_LEVEL). */
export function createLogger(level = 'INFO', write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  level = level.toUpperCase();
  const min = level === 'SILENT' ? Infinity : (ORDER[level as Severity] ?? ORDER.INFO);
  return {
    log(severity, message, fields = {}) {
      if (ORDER[severity] < min) return;
      const error = fields.error instanceof Error ? { error: fields.error.message, stack: fields.error.stack } : {};
      write(`${JSON.stringify({ severity, message, time: new Date().toISOString(), ...fields, ...error })}\n`);
    },
  };
}
