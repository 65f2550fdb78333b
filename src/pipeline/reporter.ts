/**
 * How the pipeline reports a problem in an episode file: every message names the file, the
 * line (found from the YAML path of the field) and the field, in the words of the file's author.
 */
import type { z } from 'zod'
import type { Problem } from './problems.ts'
import type { YamlSource } from './yaml-source.ts'

export class Reporter {
  readonly problems: Problem[] = []
  constructor(
    private readonly file: string,
    private readonly source: YamlSource | undefined,
    private readonly yamlLine: number,
  ) {}

  /** The file line of the YAML value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number {
    return this.source ? this.source.lineOf(path) : this.yamlLine
  }

  at(line: number, severity: Problem['severity'], message: string): void {
    this.problems.push({ file: this.file, line, severity, message })
  }

  error(path: readonly (string | number)[], message: string): void {
    this.at(this.lineOf(path), 'error', message)
  }

  warn(path: readonly (string | number)[], message: string): void {
    this.at(this.lineOf(path), 'warning', message)
  }
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  )
}

export function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`
  return `${typeof v} ${String(v)}`
}

/** The schema's type names in the words of an episode file's author. */
const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
}

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = fieldName(issue.path)
  let value: unknown = input
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey]
  if (issue.code === 'invalid_type') {
    if (value === undefined) return `missing required field "${field}"`
    return `field "${field}" must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${typeName(value)}`
  }
  if (issue.code === 'too_small' && field === 'title') return 'field "title" must not be empty'
  if (issue.code === 'too_small') return `field "${field}" must not be negative (got ${String(value)})`
  return `field "${field}": ${issue.message}`
}
