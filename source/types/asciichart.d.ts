/** The parts of asciichart 1.5 this program uses (the package ships no types). */
declare module 'asciichart' {
  interface PlotConfig {
    height?: number;
    min?: number;
    max?: number;
    offset?: number;
    padding?: string;
    format?: (value: number, index: number) => string;
    colors?: Array<string | undefined>;
  }
  const asciichart: {
    plot(series: number[] | number[][], config?: PlotConfig): string;
    red: string;
    green: string;
    yellow: string;
    blue: string;
    magenta: string;
    cyan: string;
    darkgray: string;
    reset: string;
  };
  export default asciichart;
}
