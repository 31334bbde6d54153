import type { EventContract } from '@chorus/contracts';

export function crashContract(source: string): EventContract<{ seq: number; label: string }>;
