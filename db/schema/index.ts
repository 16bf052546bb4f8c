export * from "./content";
export * from "./members";
