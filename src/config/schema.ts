import { z } from 'zod';

/** The config as written in `pipelines/*.yaml`. Strict: an unknown key is an error, not a silent no-op. */

const probability = z.number().min(0).max(1);
const nonEmpty = z.string().min(1);

const signatureSchema = z.strictObject({
  pattern: nonEmpty,
  weight: z.number().positive().default(1),
});

const outletSchema = z.strictObject({
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  side: nonEmpty,
  domains: z.array(nonEmpty).default([]),
  signatures: z.array(signatureSchema).default([]),
});

const personSchema = z.strictObject({
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  country: nonEmpty,
  roles: z.array(nonEmpty).default([]),
});

const placeSchema = z.strictObject({
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  country: nonEmpty,
  within: nonEmpty.optional(),
});

const sideSchema = z.strictObject({
  label: nonEmpty,
  utcOffset: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/, 'expected an offset such as "+08:00"')
    .default('+00:00'),
});

export const configSchema = z.strictObject({
  fingerprint: z.strictObject({
    shingle: z.number().int().min(2).max(16),
    permutations: z.number().int().min(16).max(1024),
    bands: z.number().int().min(1),
    minParagraphChars: z.number().int().min(1).default(20),
    seed: z.number().int().default(1),
    minSharedBands: z.union([z.literal('auto'), z.number().int().min(1)]).default('auto'),
  }),
  thresholds: z.strictObject({
    duplicate: probability,
    reuse: probability,
    cluster: probability,
    align: probability,
    dateWindowDays: z.number().int().min(0).max(60),
  }),
  cluster: z.strictObject({
    weights: z.strictObject({
      date: z.number().min(0),
      participants: z.number().min(0),
      place: z.number().min(0),
      text: z.number().min(0),
      title: z.number().min(0),
    }),
    maxBlockSize: z.number().int().min(2).default(400),
  }),
  ingest: z.strictObject({
    maxFileBytes: z.number().int().positive(),
    concurrency: z.number().int().min(1).max(256).default(8),
    extensions: z.strictObject({
      markdown: z.array(nonEmpty),
      html: z.array(nonEmpty),
      text: z.array(nonEmpty),
      jsonl: z.array(nonEmpty),
    }),
  }),
  boilerplate: z.strictObject({
    cutAt: z.array(nonEmpty),
    dropLines: z.array(nonEmpty),
    photoCredits: z.array(nonEmpty),
    endMarkers: z.array(nonEmpty),
  }),
  compare: z.strictObject({
    diffTimeoutMs: z.number().int().positive().default(200),
    speechVerbs: z.array(nonEmpty).min(1),
  }),
  report: z
    .strictObject({
      indexEvents: z.number().int().min(1).default(2000),
    })
    .prefault({}),
  topics: z.array(
    z.strictObject({
      name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'topic names are lower-case words joined by -'),
      label: nonEmpty,
      terms: z.array(nonEmpty).min(1),
    }),
  ),
  terms: z.array(
    z.strictObject({
      name: nonEmpty,
      variants: z.array(nonEmpty).min(2),
    }),
  ),
  sides: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'side ids are lower-case words'), sideSchema),
  outlets: z.array(outletSchema),
  people: z.array(personSchema),
  places: z.array(placeSchema),
});

export type WrittenConfig = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
