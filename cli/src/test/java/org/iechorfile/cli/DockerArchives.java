package org.iechorfile.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads docker-archive tars as a consumer would, to check what an export holds. */
final class DockerArchives {

  private DockerArchives() {}

  /**
   * The owner ({@code uid:gid}) of every path in the layers of a docker-archive, as the topmost
   * layer that holds it has it.
   */
  static Map<String, String> layerOwners(Path archive) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          files.put(entry.getName(), tar.readAllBytes());
        }
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
    Map<String, String> owners = new TreeMap<>();
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      byte[] bytes = files.get(layer.asText());
      try (TarArchiveInputStream tar = new TarArchiveInputStream(open(bytes))) {
        for (TarArchiveEntry entry = tar.getNextEntry();
            entry != null;
            entry = tar.getNextEntry()) {
          String name = entry.getName().replaceFirst("^\\./", "");
          owners.put(name, entry.getLongUserId() + ":" + entry.getLongGroupId());
        }
      }
    }
    return owners;
  }

  private static InputStream open(byte[] layer) throws IOException {
    InputStream in = new ByteArrayInputStream(layer);
    boolean gzip = layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
    return gzip ? new GZIPInputStream(in) : in;
  }
}
