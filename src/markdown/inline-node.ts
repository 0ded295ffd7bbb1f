/** An inline syntax node (lezer's names: `StrongEmphasis`, `InlineCode`, `Comment`, `Link`, ...). */
export interface InlineNode {
  name: string;
  from: number;
  to: number;
  children: InlineNode[];
}
