/**
 * Magento 2's searchCriteria query (webshop-apis.md §1.6). Filters inside one group are OR-ed,
 * groups are AND-ed. Written in the documented snake_case spelling.
 */
export type Filter = { field: string; value: string; condition?: "eq" | "neq" | "gt" | "gteq" | "lt" | "lteq" | "in" | "nin" | "like" };
export type SearchCriteria = {
  filterGroups?: Filter[][];
  sortOrders?: { field: string; direction: "ASC" | "DESC" }[];
  pageSize?: number;
  currentPage?: number;
  /** Field projection, e.g. "items[entity_id,created_at],total_count". */
  fields?: string;
};

export function searchParams(criteria: SearchCriteria): [string, string][] {
  const pairs: [string, string][] = [];
  (criteria.filterGroups ?? []).forEach((group, g) =>
    group.forEach((filter, f) => {
      const at = `searchCriteria[filter_groups][${g}][filters][${f}]`;
      pairs.push([`${at}[field]`, filter.field], [`${at}[value]`, filter.value], [`${at}[condition_type]`, filter.condition ?? "eq"]);
    }),
  );
  (criteria.sortOrders ?? []).forEach((sort, i) => {
    pairs.push([`searchCriteria[sortOrders][${i}][field]`, sort.field], [`searchCriteria[sortOrders][${i}][direction]`, sort.direction]);
  });
  if (criteria.pageSize !== undefined) pairs.push(["searchCriteria[pageSize]", String(criteria.pageSize)]);
  if (criteria.currentPage !== undefined) pairs.push(["searchCriteria[currentPage]", String(criteria.currentPage)]);
  // Magento requires a searchCriteria parameter on list endpoints, even an empty one.
  if (pairs.length === 0) pairs.push(["searchCriteria", ""]);
  if (criteria.fields) pairs.push(["fields", criteria.fields]);
  return pairs;
}

/** A query string with %20 for spaces (never "+"), so the OAuth base string and the server agree. */
export const queryString = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
