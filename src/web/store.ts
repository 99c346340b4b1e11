// What the browser keeps between visits (the budget lines and the last plan) until the server
// persists budgets and plans. Small JSON in localStorage; nothing leaves the machine.
import type { BudgetView, PlanView } from '../contracts/index.js';

function read<T>(key: string): T | null {
  try {
    const s = localStorage.getItem(key);
    return s ? (JSON.parse(s) as T) : null;
  } catch {
    return null;
  }
}

export const local = {
  budget: () => read<BudgetView>('xieshang.budget'),
  saveBudget: (b: BudgetView) => localStorage.setItem('xieshang.budget', JSON.stringify(b)),
  plan: () => read<PlanView>('xieshang.plan'),
  savePlan: (p: PlanView) => localStorage.setItem('xieshang.plan', JSON.stringify(p)),
};
