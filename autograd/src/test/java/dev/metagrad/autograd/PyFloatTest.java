package dev.metagrad.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected strings were printed by CPython 3 ({@code print(repr(float(x)))}), not by the code under test. */
class PyFloatTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
            "2.0E-3, 0.002",
            "1.0E23, 1e+23",
            "4.9E-324, 5e-324",
            "1.7976931348623157E308, 1.7976931348623157e+308",
            "0.1, 0.1",
            "100.0, 100.0",
            "1.0E16, 1e+16",
            "1.23456789012345677E17, 1.2345678901234568e+17",
            "-0.0, -0.0",
            "0.0, 0.0",
            "1.0E-5, 1e-05",
            "1.0E-4, 0.0001",
            "9.999E-5, 9.999e-05",
            "0.001, 0.001",
            "-1.0, -1.0",
            "1.5, 1.5",
            "1.0E15, 1000000000000000.0",
            "9.999999999999998E15, 9999999999999998.0",
            "1.0E22, 1e+22",
            "2.0E22, 2e+22",
            "1.0E-7, 1e-07",
            "1.5E-7, 1.5e-07",
            "5.0E-5, 5e-05",
            "0.3, 0.3",
            "0.30000000000000004, 0.30000000000000004",
            "1.0E100, 1e+100",
            "1.0E-100, 1e-100",
            "2.2250738585072014E-308, 2.2250738585072014e-308",
            "1.2345E-300, 1.2345e-300",
            "123456.789, 123456.789",
            "1.0E-322, 1e-322",
            "4.35E-6, 4.35e-06",
            "-2.5E-10, -2.5e-10",
            "12345678901234567.0, 1.2345678901234568e+16",
            "0.999, 0.999",
            "1e-310, 1e-310",
            "3.0E22, 3e+22",
            "8.41E21, 8.41e+21",
            "9.007199254740993E15, 9007199254740992.0",
            "2.0E-7, 2e-07",
            "0.5, 0.5",
            "-1.5E16, -1.5e+16",
            "1e305, 1e+305",
            "6.02214076e23, 6.02214076e+23",
            "1.1754943508222875e-38, 1.1754943508222875e-38",
            "2.9802322387695312e-08, 2.9802322387695312e-08",
    })
    void matchesPythonForDecimalInputs(String javaLiteral, String python) {
        assertThat(PyFloat.repr(Double.parseDouble(javaLiteral))).isEqualTo(python);
    }

    /** Powers of two (where the round-trip interval is lopsided) and random bit patterns, given by their bits. */
    @ParameterizedTest(name = "repr(0x{0}) = {1}")
    @CsvSource({
            "0000000000000001, 5e-324",
            "0010000000000000, 2.2250738585072014e-308",
            "3c30000000000000, 8.673617379884035e-19",
            "3eb0000000000000, 9.5367431640625e-07",
            "4340000000000000, 9007199254740992.0",
            "4350000000000000, 1.8014398509481984e+16",
            "43b0000000000000, 1.152921504606847e+18",
            "4450000000000000, 1.1805916207174113e+21",
            "4630000000000000, 1.2676506002282294e+30",
            "7fe0000000000000, 8.98846567431158e+307",
            "7953a6f252e6b438, 2.7216092808335446e+276",
            "32899387269e0d37, 3.035766360112293e-65",
            "062e3fe8a6a3a450, 6.665830898196862e-279",
            "691f8412128b2f33, 2.3558459513947972e+198",
            "0c0c7408892f902b, 1.2418970069620836e-250",
            "4a98cc2e5d9dc9f8, 2.319469273766672e+51",
            "74712eca0ed90475, 7.873531487934826e+252",
            "1b7b3ae681e74ef5, 2.6878898238430084e-176",
            "0b0051ad099950d8, 1.086847153644306e-255",
            "3586aa4d6f03675a, 7.572358053192185e-51",
            "1ece0b9211e20b8f, 2.6713290337373985e-160",
            "4688b7671738f7d9, 6.266356115726005e+31",
            "bf23c96e74d8d968, -0.00015096162171497206",
            "3f456bab2fa3e3ee, 0.0006537042493440762",
            "bf48a78e460fff7b, -0.0007523960777007088",
            "bf4223479887a85a, -0.0005535220707859709",
            "436c077222138530, 6.311588901815334e+16",
            "43750e12f44788b2, 9.482318530324355e+16",
            "4369d0fa8fb48a2a, 5.813319191313237e+16",
            "4361e2530982ae8c, 4.027136699042723e+16",
    })
    void matchesPythonForBitPatterns(String bits, String python) {
        assertThat(PyFloat.repr(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)))).isEqualTo(python);
    }

    @Test
    void nonFiniteValuesArePythonsNames() {
        assertThat(PyFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PyFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PyFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PyFloat.repr(Double.longBitsToDouble(0xfff8000000000001L))).isEqualTo("nan");
    }
}
