// The one error shape of the API: {"error": {"code", "message", "details"}}, and the helpers that raise it.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError, type z } from "zod";

export interface ErrorDetail {
  field?: string;
  row?: number;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "resource") => new ApiError(404, "not_found", `No such ${what}.`);
export const forbidden = (message = "Your role does not allow this.") => new ApiError(403, "forbidden", message);
export const unauthorized = (message = "A valid API token is required.") =>
  new ApiError(401, "unauthorized", message, [], { "WWW-Authenticate": 'Bearer realm="tierlens"' });
export const conflict = (message: string) => new ApiError(409, "conflict", message);

/** Turns zod issues into details naming the field by its dotted path (`admin.email`, `items.3.kind`). */
export function zodDetails(error: z.ZodError, row?: number): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || undefined,
    ...(row === undefined ? {} : { row }),
    message: issue.message,
  }));
}

export function validationError(error: z.ZodError, message = "The request is not valid."): ApiError {
  return new ApiError(400, "validation_failed", message, zodDetails(error));
}

/** Parses `data` with `schema` or throws a 400 naming every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, data: unknown, message?: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw validationError(result.error, message);
  return result.data;
}

/** Reads a JSON body, answering 400 (not 500) when it is missing or malformed. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_json", "The body must be valid JSON.");
  }
}

export function errorResponse(c: Context, err: ApiError) {
  return c.json({ error: { code: err.code, message: err.message, details: err.details } }, err.status, err.headers);
}

/** The app-wide error handler: every failure leaves as the one JSON shape; unknown errors as 500 without internals. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof ZodError) return errorResponse(c, validationError(err));
  if (err instanceof HTTPException) {
    return errorResponse(
      c,
      new ApiError(err.status as ContentfulStatusCode, "http_error", err.message || "Request failed."),
    );
  }
  console.error("unhandled error", err);
  return errorResponse(c, new ApiError(500, "internal", "Something went wrong on our side."));
}
