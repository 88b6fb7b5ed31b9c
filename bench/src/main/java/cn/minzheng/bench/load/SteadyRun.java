package cn.minzheng.bench.load;

import cn.minzheng.bench.cost.CostSheet;

/**
 * A closed-loop run measured once its throughput was steady, with what each component's CPU cost
 * per successful operation in the window.
 */
public record SteadyRun(LoadRun load, Warmup.Outcome warmup, CostSheet cost) {
}
