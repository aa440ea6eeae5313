package io.artifact.flyemu.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a process outside the platform finds what a Machine would reach by private network. */
class StandaloneRuntimeTest {

  @Test
  void httpProxyIsReadAsCurlReadsIt() {
    assertThat(StandaloneRuntime.proxy(Map.of("HTTP_PROXY", "http://127.0.0.1:4280"))).contains(new InetSocketAddress("127.0.0.1", 4280));
    assertThat(StandaloneRuntime.proxy(Map.of("http_proxy", "127.0.0.1:4281"))).contains(new InetSocketAddress("127.0.0.1", 4281));
    assertThat(StandaloneRuntime.proxy(Map.of())).isEmpty();
  }

  @Test
  void theMachinesApiIsFlyApiBaseUrlElseTheFlapsOne() {
    try (StandaloneRuntime rt = new StandaloneRuntime(Map.of("FLY_API_BASE_URL", "http://a", "FLY_FLAPS_BASE_URL", "http://b"), l -> {});
         StandaloneRuntime flaps = new StandaloneRuntime(Map.of("FLY_FLAPS_BASE_URL", "http://b"), l -> {});
         StandaloneRuntime none = new StandaloneRuntime(Map.of(), l -> {})) {
      assertThat(rt.machinesApiUrl()).contains("http://a");
      assertThat(flaps.machinesApiUrl()).contains("http://b");
      assertThat(none.machinesApiUrl()).isEmpty();
    }
  }

  @Test
  void theShareIsTheLocalDirectoryEveryTimeItIsAskedFor(@TempDir Path dir) throws Exception {
    Path share = Files.createDirectory(dir.resolve("computers"));
    try (StandaloneRuntime rt = new StandaloneRuntime(Map.of(StandaloneRuntime.NFS_ROOT, share.toString()), l -> {})) {
      assertThat(rt.nfs("org1-nfs.flycast").path()).isEqualTo(share);
      Files.delete(share);
      assertThatThrownBy(() -> rt.nfs("org1-nfs.flycast").path()).isInstanceOf(NfsUnavailableException.class)
          .hasMessage("NFS mount failed: DC_NFS_ROOT=" + share + " is not a directory");
      assertThatThrownBy(() -> rt.nfs("").path()).hasMessage("NFS mount failed: DC_NFS is not set");
    }
  }
}
