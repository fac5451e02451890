package io.fenghuo.gb26875.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Wire;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {

  private static String[] run(int expectedExit, String... args) {
    StringWriter text = new StringWriter();
    int exit = DecodeCommand.run(new PrintWriter(text), args);
    assertThat(exit).as(text.toString()).isEqualTo(expectedExit);
    return text.toString().split("\\R");
  }

  @Test
  void printsEveryFieldOfTheAppendixFramesAsJson() {
    String[] lines =
        run(0, Wire.FIREMASTER_FIRE_ALARM, Wire.FIREMASTER_CONFIRM, Wire.READ_SYSTEM_STATE_REQUEST);
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .startsWith("{\"offset\":0,\"length\":78,\"verification\":\"ok\",\"profile\":\"standard\"")
        .contains("\"serial\":1")
        .contains("\"source\":{\"value\":889,\"bytes\":\"79 03 00 00 00 00\"}")
        .contains("\"command\":{\"value\":2,\"name\":\"SEND_DATA\"}")
        .contains("\"typeFlag\":{\"value\":2,\"name\":\"COMPONENT_STATE\"")
        .contains("\"componentType\":{\"code\":40,\"label\":\"感烟火灾探测器\"}")
        .contains("\"componentAddress\":{\"value\":131082,\"bytes\":\"0a 00 02 00\"}")
        .contains("\"state\":{\"bits\":\"0x0002\",\"set\":[\"FIRE_ALARM\"]}")
        .contains(
            "\"time\":{\"value\":\"2012-09-26T09:58:02\",\"valid\":true,\"raw\":\"02 3a 09 1a 09 0c\"}");
    assertThat(lines[1]).contains("\"name\":\"CONFIRM\"").contains("\"adu\":{\"empty\":true}");
    assertThat(lines[2]).contains("\"kind\":\"SystemQuery\"").contains("\"systemAddress\":2");
  }

  @Test
  void saysExactlyWhatIsWrongWithABadFrame() {
    String bad = Wire.FIREMASTER_CONFIRM.replace("03AB2323", "03AC2323");
    String[] lines = run(1, bad);
    assertThat(lines[0])
        .contains("\"verification\":\"failed\"")
        .contains("\"defect\":\"BAD_CHECKSUM\"")
        .contains("\"deniable\":true")
        .contains("checksum byte is 0xac, sum of bytes 3–27 mod 256 is 0xab")
        .contains("\"serial\":1");
  }

  @Test
  void decodesAHexFileAndABinaryCaptureWithAProfile(@TempDir Path dir) throws Exception {
    Path hexFile = dir.resolve("frames.txt");
    Files.writeString(hexFile, "# captured 2024-03-05\n" + Wire.FIREMASTER_CONFIRM + "\n\nzz\n");
    Path capture = dir.resolve("capture.bin");
    Files.write(capture, Wire.hex("00 01 02", Wire.FIREMASTER_FIRE_ALARM));
    String[] lines = run(1, "-p", "firemaster", "-f", hexFile.toString(), "-b", capture.toString());
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).contains("\"profile\":\"firemaster\"");
    assertThat(lines[1]).contains("NOT_HEX");
    assertThat(lines[2]).contains("NO_START_MARKER").contains("\"length\":3");
    assertThat(lines[3]).contains("\"offset\":3").contains("COMPONENT_STATE");
  }

  @Test
  void rejectsAnUnknownProfile() {
    assertThat(run(2, "-p", "acme", Wire.FIREMASTER_CONFIRM)[0]).contains("unknown profile");
  }
}
