package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.loadgen.plan.IdentityPlan;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentitiesTest {
  @Test
  void withoutRotationDevicesComeFromThePool() {
    Identities ids = new Identities("citizens", 0, new IdentityPlan(10, 0, 1, false));
    Set<String> devices = new HashSet<>();
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      devices.add(ids.next(r).deviceId());
    }
    assertThat(devices).hasSize(10);
  }

  @Test
  void rotationGivesFreshNeverReusedIdsAtItsShare() {
    Identities ids = new Identities("fans", 1, new IdentityPlan(5, 0.3, 1, false));
    SplittableRandom r = new SplittableRandom(2);
    Set<String> rotated = new HashSet<>();
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      String id = ids.next(r).deviceId();
      if (id.contains("-r")) {
        assertThat(rotated.add(id)).isTrue();
      }
    }
    assertThat(rotated.size() / (double) n).isBetween(0.28, 0.32);
  }

  @Test
  void sharedNatPutsSeveralDevicesBehindOneAddress() {
    Identities ids = new Identities("fans", 2, new IdentityPlan(400, 0, 4, false));
    SplittableRandom r = new SplittableRandom(3);
    Set<String> addresses = new HashSet<>();
    Set<String> devices = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      Identities.Identity id = ids.next(r);
      addresses.add(id.sourceIp());
      devices.add(id.deviceId());
    }
    assertThat(devices).hasSize(400);
    assertThat(addresses).hasSize(100).allMatch(a -> a.startsWith("10.2."));
  }

  @Test
  void randomMappingSpreadsRequestsOverManyAddresses() {
    Identities ids = new Identities("proxies", 3, new IdentityPlan(10, 0, 1, true));
    SplittableRandom r = new SplittableRandom(4);
    Set<String> addresses = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      addresses.add(ids.next(r).sourceIp());
    }
    assertThat(addresses.size()).isGreaterThan(950);
  }
}
