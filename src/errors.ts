/**
 * Errors that the CLI turns into one clear line. Each names the file, record or config key at fault;
 * anything else reaching the CLI is a bug and keeps its stack trace under --debug.
 */
export class ParallaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParallaxError';
  }
}

/** Every problem found while validating a config, so a user fixes them all in one pass. */
export class ConfigError extends ParallaxError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid config ${file}:\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}
