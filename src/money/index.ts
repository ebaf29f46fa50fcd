export * from "./decimal";
export * from "./errors";
export * from "./units";
export * from "./parse";
export * from "./format";
export * from "./calc";
export * from "./wording";
