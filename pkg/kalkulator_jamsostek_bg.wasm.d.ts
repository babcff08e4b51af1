/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const benefits: (a: any, b: any) => [number, number, number];
export const bpuBands: () => [number, number, number];
export const coverage: (a: any, b: any) => [number, number, number];
export const eligibility: (a: any, b: any) => [number, number, number];
export const estimate: (a: any, b: any) => [number, number, number];
export const estimateCompact: (a: any, b: any) => [number, number, number];
export const fundingRule: (a: any, b: any) => [number, number, number];
export const info: () => [number, number, number];
export const parseAmount: (a: any, b: any) => [number, number, number, number];
export const rulesInForce: (a: any, b: any) => [number, number, number];
export const terbilang: (a: any, b: any) => [number, number, number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
