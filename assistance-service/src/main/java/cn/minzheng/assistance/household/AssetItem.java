package cn.minzheng.assistance.household;

/** An asset of one member: value in fen (financial assets) and a count (homes, vehicles). */
public record AssetItem(AssetType type, long valueFen, int count) {
}
