namespace Integration.Generator.Reference;

/// <summary>A named place a firm's premises are in: a borey (gated housing estate), an office tower, a market, an economic zone.</summary>
/// <param name="Latin">The usual Latin spelling; <paramref name="Variants"/> are others registers use.</param>
public sealed record Site(string Latin, string Km, string[] Variants);

/// <summary>Named premises of Cambodian business addresses.</summary>
internal static class Sites
{
    public static IReadOnlyList<Site> Boreys { get; } =
    [
        new("Borey Peng Huoth", "បុរីប៉េងហួត", ["Borei Peng Houth", "Peng Huoth Borey", "Borey PH", "Borey Peng Huot"]),
        new("Borey Chip Mong", "បុរីឈីបម៉ុង", ["Borei Chipmong", "Chip Mong Borey", "Borey Chipmong"]),
        new("Borey Vimean Phnom Penh", "បុរីវិមានភ្នំពេញ", ["Borey Vimeanphnompenh", "Vimean PP Borey", "Borei Vimean Phnom Penh"]),
        new("Borey Orkide", "បុរីអ័រគីដេ", ["Borey Orkid", "Orkide Villa", "Borei Orkide"]),
        new("Borey Mongkul Phnom Penh", "បុរីមង្គលភ្នំពេញ", ["Borey Mongkol PP", "Borei Mongkul", "Mongkul Borey"]),
        new("Borey Piphup Thmey", "បុរីពិភពថ្មី", ["Borey Piphup Thmei", "Borei Piphob Thmey", "New World Borey"]),
        new("Borey Sambath Meas", "បុរីសម្បត្តិមាស", ["Borey Sambat Meas", "Borei Sambath Mias"]),
        new("Borey Lim Chheanghak", "បុរីលឹមជាងហាក់", ["Borey LCH", "Borei Lim Chhiang Hak", "Lim Chheang Hak Borey"]),
    ];

    public static IReadOnlyList<Site> Towers { get; } =
    [
        new("Vattanac Capital Tower", "អគារវឌ្ឍនៈខេភីថល", ["Vattanac Capital", "Vattanac Tower", "VCT"]),
        new("Exchange Square", "អគារអ៊ិចឆេញស្គែរ", ["Exchange Square Building", "ExSq"]),
        new("Canadia Tower", "អគារកាណាឌីយ៉ា", ["Canadia Bank Tower", "Canadia Bldg"]),
        new("Phnom Penh Tower", "អគារភ្នំពេញថៅវ័រ", ["PP Tower", "Phnom Penh Tower Building"]),
        new("TK Central", "អគារធីខេសិនត្រល", ["TK Central Building", "T.K Central"]),
        new("The Bridge", "អគារដឺប្រ៊ីដ", ["The Bridge Office", "Bridge Tower"]),
        new("Olympia City", "អូឡាំពិចស៊ីធី", ["Olympia City Tower C", "Olympia"]),
        new("Golden Tower 42", "អគារហ្គោលដិនថៅវ័រ៤២", ["Gold Tower 42", "GT42"]),
    ];

    public static IReadOnlyList<Site> Markets { get; } =
    [
        new("Orussey Market", "ផ្សារអូរឫស្សី", ["Phsar Orussey", "O'Russey Market", "Orussei Market"]),
        new("Central Market", "ផ្សារធំថ្មី", ["Phsar Thmey", "Psar Thmei", "New Market"]),
        new("Olympic Market", "ផ្សារអូឡាំពិក", ["Phsar Olympic", "Olympic Mkt"]),
        new("Tuol Tompoung Market", "ផ្សារទួលទំពូង", ["Russian Market", "Phsar Toul Tom Poung", "Psar Tuol Tumpung"]),
        new("Kandal Market", "ផ្សារកណ្ដាល", ["Phsar Kandal", "Psar Kandal"]),
        new("Phsar Leu", "ផ្សារលើ", ["Psar Leu", "Leu Market"]),
    ];

    public static IReadOnlyList<Site> Zones { get; } =
    [
        new("Phnom Penh SEZ", "តំបន់សេដ្ឋកិច្ចពិសេសភ្នំពេញ", ["Phnom Penh Special Economic Zone", "PPSEZ", "P.P. SEZ"]),
        new("Manhattan SEZ", "តំបន់សេដ្ឋកិច្ចពិសេសម៉ាន់ហាតាន់", ["Manhattan Special Economic Zone", "Manhattan (Svay Rieng) SEZ"]),
        new("Tai Seng SEZ", "តំបន់សេដ្ឋកិច្ចពិសេសតៃសេង", ["Tai Seng Bavet SEZ", "Taiseng SEZ"]),
        new("Sihanoukville SEZ", "តំបន់សេដ្ឋកិច្ចពិសេសក្រុងព្រះសីហនុ", ["SSEZ", "Sihanoukville Special Economic Zone"]),
        new("Goldfame Pak Shun Industrial Zone", "តំបន់ឧស្សាហកម្មហ្គោលហ្វេមប៉ាក់ស៊ុន", ["Goldfame Industrial Park", "Pak Shun IZ"]),
    ];
}

/// <summary>A foreign head-office address, as a branch's or representative office's record gives it.</summary>
public sealed record ForeignAddress(string Line, string City, string Country);

/// <summary>Foreign places and phone numbering of the countries most foreign-owned Cambodian firms come from.</summary>
public static class ForeignPlaces
{
    public static IReadOnlyList<ForeignAddress> HeadOffices { get; } =
    [
        new("Room 1203, 12/F, 88 Queensway, Admiralty", "Hong Kong", "Hong Kong"),
        new("No. 88 Jianguo Road, Chaoyang District", "Beijing", "China"),
        new("1500 Century Avenue, Pudong New Area", "Shanghai", "China"),
        new("No. 9 Keyuan Road, Nanshan District", "Shenzhen", "China"),
        new("123 Sukhumvit Road, Khlong Toei", "Bangkok 10110", "Thailand"),
        new("45 Nguyen Hue, Ben Nghe Ward, District 1", "Ho Chi Minh City", "Vietnam"),
        new("1 Raffles Place, #20-01", "Singapore 048616", "Singapore"),
        new("Jalan Ampang, Level 18", "Kuala Lumpur", "Malaysia"),
        new("521 Teheran-ro, Gangnam-gu", "Seoul", "Korea"),
        new("3-7-1 Nishi-Shinjuku, Shinjuku-ku", "Tokyo", "Japan"),
        new("No. 7, Section 5, Xinyi Road", "Taipei", "Taiwan"),
        new("Unit 5, 10 Market Street", "Sydney NSW 2000", "Australia"),
    ];

    /// <summary>Country calling code, then a national mobile number pattern (x = any digit).</summary>
    public static IReadOnlyList<(string Code, string Pattern)> Mobiles { get; } =
    [
        ("86", "13xxxxxxxxx"), ("86", "186xxxxxxxx"), ("66", "81xxxxxxx"), ("66", "92xxxxxxx"), ("84", "90xxxxxxx"),
        ("84", "98xxxxxxx"), ("82", "10xxxxxxxx"), ("65", "91xxxxxx"), ("65", "81xxxxxx"), ("60", "12xxxxxxx"),
        ("81", "90xxxxxxxx"), ("886", "912xxxxxx"), ("61", "412xxxxxx"),
    ];
}
