package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.report.WorkloadResult;

/** One benchmark against a running devstack. */
public interface Workload {

    String id();

    WorkloadResult run(Devstack devstack, Settings settings);
}
