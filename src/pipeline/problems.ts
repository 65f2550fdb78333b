/** A problem found in an episode file, located at a line of that file. */
export interface Problem {
  /** The file as given to the pipeline (a path relative to the working directory when possible). */
  file: string
  /** 1-based line in the file. */
  line: number
  severity: 'error' | 'warning' | 'note'
  message: string
}

/** Compiler-style: `file:line: error: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.severity}: ${p.message}`
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}
