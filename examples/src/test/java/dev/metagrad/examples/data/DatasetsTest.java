package dev.metagrad.examples.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatasetsTest {
    @Test
    void diabetesHas442RowsOfTenRawFeatures() {
        Dataset d = Datasets.diabetes();
        assertThat(d.rows()).isEqualTo(442);
        assertThat(d.featureNames()).containsExactly("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        // the first patient as printed in the raw file, and the target's documented range and mean
        assertThat(Arrays.copyOf(d.x().toDoubleArray(), 10)).containsExactly(59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87);
        double[] y = d.y().toDoubleArray();
        assertThat(y[0]).isEqualTo(151);
        assertThat(Arrays.stream(y).min().orElseThrow()).isEqualTo(25);
        assertThat(Arrays.stream(y).max().orElseThrow()).isEqualTo(346);
        assertThat(Arrays.stream(y).average().orElseThrow()).isCloseTo(152.133484162896, within(1e-9));
    }

    @Test
    void breastCancerHas569RowsWith212MalignantAnd357Benign() {
        Dataset d = Datasets.breastCancer();
        assertThat(d.rows()).isEqualTo(569);
        assertThat(d.features()).isEqualTo(30);
        assertThat(d.featureNames().get(0)).isEqualTo("mean radius");
        assertThat(d.featureNames().get(29)).isEqualTo("worst fractal dimension");
        assertThat(Arrays.copyOf(d.x().toDoubleArray(), 4)).containsExactly(17.99, 10.38, 122.8, 1001);
        double[] y = d.y().toDoubleArray();
        assertThat(Arrays.stream(y).filter(v -> v == 0).count()).isEqualTo(212);
        assertThat(Arrays.stream(y).filter(v -> v == 1).count()).isEqualTo(357);
    }

    @Test
    void theLicenceAndProvenanceNotesShipWithTheData() throws Exception {
        for (String name : new String[] {"LICENSE-scikit-learn.txt", "README.md"}) {
            try (var in = Datasets.class.getResourceAsStream(Datasets.FOLDER + name)) {
                assertThat(in).as(name).isNotNull();
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).contains("BSD");
            }
        }
    }
}
