// One result shape for every use case. A use case returns `ok(value)`, or `invalid(errors)`
// when the user's input needs fixing (errors map each field to a message the user reads),
// or throws a named UseCaseError (src/use-cases/errors.ts) when the request cannot be done
// at all. Listeners turn the first into `response_action: 'errors'` and the second into a
// short message, in one place each (src/slack/respond.ts).

export type FieldErrors<F extends string = string> = Partial<Record<F, string>>;

export type Result<T, F extends string = string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const invalid = <F extends string>(errors: FieldErrors<F>): { ok: false; errors: FieldErrors<F> } => ({
  ok: false,
  errors,
});

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;
