package vn.baucu.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.baucu.platform.DomainException;

/**
 * Coverage-guided fuzzing of the Party members' file (the cell page's import): any bytes give the members read or a
 * problem naming what is wrong with the file, never another exception; a file that is not UTF-8 is refused, not read
 * with replacement characters in the names. Seeds: {@code MemberFileFuzzTestInputs/}; fuzzing mode: {@code bin/fuzz}.
 */
class MemberFileFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void readsOrNamesTheProblem(byte[] bytes) throws IOException {
        boolean utf8 = isUtf8(bytes);
        try {
            MemberFile.Read read = MemberFile.read(new ByteArrayInputStream(bytes));
            assertThat(utf8).as("a file that is not UTF-8 is refused").isTrue();
            assertThat(read.members()).hasSameSizeAs(read.lines());
            read.members().forEach(m -> assertThat(m.fullName()).doesNotContain("\uFFFD"));
        } catch (DomainException e) {
            assertThat(e.violations()).isNotEmpty();
        }
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
