// The HTTP contract of /api/v1: zod schemas shared by the worker and the extension; importing it registers every route.
export * from "./auth";
export * from "./common";
export * from "./customer-detail";
export * from "./customers";
export * from "./email";
export * from "./export";
export * from "./import";
export * from "./interactions";
export * from "./lookup";
export * from "./money";
export * from "./openapi";
export * from "./regrade";
export * from "./users";
