// Field names travel in three spellings: lowerCamel in JSON, snake_case in Google's error
// paths (the proto names), PascalCase in type names.
export const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
export const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
