import { tick } from 'svelte';

/**
 * After a refusal, the keyboard lands on the first field the API named, whose problem is read with it
 * (aria-describedby): no hunting through a long form for what to fix.
 */
export async function focusFirstProblem(form: HTMLFormElement): Promise<void> {
  await tick();
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
