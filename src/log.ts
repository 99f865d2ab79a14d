import pino from 'pino';

/**
 * Structured JSON logging. Every line that concerns a turn carries its `correlationId`.
 * Secret-bearing fields are censored by path, as a second line of defence: code must not
 * pass secrets to the logger in the first place.
 */
export type Logger = pino.Logger;

export const redactedPaths = [
  'password',
  '*.password',
  '*.*.password',
  'passwordProfile',
  '*.passwordProfile',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'clientSecret',
  '*.clientSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      name: options.name ?? 'helpdesk-bot',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A logger that discards everything, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
