package cn.minzheng.org.registration;

/** A natural person named in a registration: legal representative, officer, director. */
public record Person(String name, String idNumber) {
}
