package io.artifact.e2e.health;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.provision.SliceBlueprint;
import io.artifact.e2e.world.OrgSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runbook Phase 0: the NFS Machine is started and its self-mount check says {@code mount ok};
 * router and exec run the current images with {@code DC_*} env that matches the org prefix and
 * domain, and their health checks pass (including their NFS mount). Every finding names the app,
 * Machine and value it is about.
 */
public final class BaselineCheck {

  private static final int LOG_LINES = 200;

  private final FlyPort fly;
  private final SliceBlueprint blueprint;
  private final String selfCheck;
  private final String selfCheckOk;

  public BaselineCheck(FlyPort fly, SliceBlueprint blueprint, Contract contract) {
    this.fly = fly;
    this.blueprint = blueprint;
    this.selfCheck = contract.value(Contract.NFS_SELF_CHECK);
    this.selfCheckOk = contract.value(Contract.NFS_SELF_CHECK_OK);
  }

  public BaselineReport run() {
    OrgSlice slice = blueprint.slice();
    List<String> findings = new ArrayList<>();
    Map<String, List<MachineInfo>> snapshot = new LinkedHashMap<>();
    List<MachineInfo> nfs = fly.listMachines(slice.nfsApp());
    snapshot.put(slice.nfsApp(), nfs);
    List<String> nfsLog = fly.logs(slice.nfsApp(), null, LOG_LINES).stream().map(LogLine::toString).toList();
    checkNfs(nfs, nfsLog, findings);
    checkApp("router", slice.routerApp(), blueprint.routerImage(), blueprint.routerEnv(), snapshot, findings);
    checkApp("exec", slice.execApp(), blueprint.execImage(), blueprint.execEnv(), snapshot, findings);
    return new BaselineReport(List.copyOf(findings), snapshot, nfsLog);
  }

  private void checkNfs(List<MachineInfo> nfs, List<String> log, List<String> findings) {
    String app = blueprint.slice().nfsApp();
    if (nfs.isEmpty()) findings.add("nfs: app " + app + " has no Machines");
    nfs.stream().filter(m -> !m.started()).forEach(m -> findings.add("nfs: Machine " + m.id() + " is " + m.state() + ", not started"));
    if (!lastSelfCheckOk(log)) findings.add("nfs: the self-mount check did not report '" + selfCheckOk + "' since the last start (app " + app + ")");
  }

  /** The latest self-mount-check line must say ok (a restart that failed it must not pass on an old line). */
  private boolean lastSelfCheckOk(List<String> log) {
    for (int i = log.size() - 1; i >= 0; i--) {
      if (log.get(i).contains(selfCheck)) return log.get(i).contains(selfCheckOk);
    }
    return false;
  }

  private void checkApp(String role, String app, String image, Map<String, String> expectedEnv,
      Map<String, List<MachineInfo>> snapshot, List<String> findings) {
    List<MachineInfo> machines = fly.listMachines(app);
    snapshot.put(app, machines);
    if (machines.isEmpty()) findings.add(role + ": app " + app + " has no Machines");
    for (MachineInfo m : machines) {
      String who = role + " Machine " + m.id();
      if (!m.started()) findings.add(who + " is " + m.state() + ", not started");
      if (!image.equals(m.image())) findings.add(who + " runs image " + m.image() + ", expected the current " + image);
      expectedEnv.forEach((key, want) -> {
        String got = m.env().get(key);
        if (want.equals(got)) return;
        String why = SliceBlueprint.namesAnApp(key) && got != null && !blueprint.slice().owns(got.replace(".flycast", ""))
            ? " (not org prefix " + blueprint.slice().prefix() + ")" : "";
        findings.add(role + " env " + key + " is '" + got + "', expected '" + want + "'" + why);
      });
      m.checks().stream().filter(c -> !c.status().equals("passing"))
          .forEach(c -> findings.add(who + " check " + c.name() + " is " + c.status() + ": " + c.output()));
    }
  }
}
