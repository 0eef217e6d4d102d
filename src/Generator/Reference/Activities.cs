namespace Integration.Generator.Reference;

/// <summary>
/// A line of business: how firms in it name themselves in English and Khmer, its ISIC Rev.4 class, and how
/// common it is among all firms and among firms with 100 or more workers.
/// </summary>
/// <param name="NameEn">The word(s) used in English firm names ("Garment", "Rice Mill").</param>
/// <param name="NameKm">The same in Khmer script.</param>
/// <param name="Description">The free-text activity a registry writes.</param>
/// <param name="Isic">ISIC Rev.4 class (4 digits).</param>
/// <param name="Weight">Relative frequency among all firms.</param>
/// <param name="LargeWeight">Relative frequency among firms with 100+ workers (garment, footwear and textiles dominate).</param>
/// <param name="Shop">Khmer word a sole proprietorship puts before its name (ហាង shop, ភោជនីយដ្ឋាន restaurant...).</param>
public sealed record Activity(string NameEn, string NameKm, string Description, string Isic, double Weight, double LargeWeight, string Shop)
{
    public bool IsManufacturing => Isic[0] is '1' or '2' or '3';
}

internal static class Activities
{
    public static IReadOnlyList<Activity> All { get; } =
    [
        new("Trading", "ពាណិជ្ជកម្ម", "General trading", "4690", 14, 1, "ហាង"),
        new("Mini Mart", "មីនីម៉ាត", "Retail sale in non-specialised stores", "4711", 8, 0.5, "ហាង"),
        new("Garment", "កាត់ដេរ", "Manufacture of wearing apparel", "1410", 3, 45, "រោងចក្រ"),
        new("Textile", "វាយនភណ្ឌ", "Weaving of textiles", "1312", 0.6, 8, "រោងចក្រ"),
        new("Footwear", "ស្បែកជើង", "Manufacture of footwear", "1520", 0.6, 12, "រោងចក្រ"),
        new("Bags", "កាបូប", "Manufacture of luggage and handbags", "1512", 0.4, 5, "រោងចក្រ"),
        new("Construction", "សំណង់", "Construction of buildings", "4100", 6, 6, "ក្រុមហ៊ុន"),
        new("Import Export", "នាំចេញ នាំចូល", "Wholesale import and export", "4690", 5, 1, "ក្រុមហ៊ុន"),
        new("Restaurant", "ភោជនីយដ្ឋាន", "Restaurants and mobile food service", "5610", 8, 1, "ភោជនីយដ្ឋាន"),
        new("Coffee", "កាហ្វេ", "Beverage serving activities", "5630", 5, 0.2, "ហាង"),
        new("Pharmacy", "ឱសថស្ថាន", "Retail sale of pharmaceutical goods", "4772", 4, 0.3, "ឱសថស្ថាន"),
        new("Guesthouse", "ផ្ទះសំណាក់", "Short term accommodation", "5510", 3, 0.3, "ផ្ទះសំណាក់"),
        new("Hotel", "សណ្ឋាគារ", "Hotels and resorts", "5510", 1.5, 4, "សណ្ឋាគារ"),
        new("Transport", "ដឹកជញ្ជូន", "Freight transport by road", "4923", 3, 2, "ក្រុមហ៊ុន"),
        new("Rice Mill", "រោងម៉ាស៊ីនកិនស្រូវ", "Rice milling", "1061", 2, 2, "រោងម៉ាស៊ីន"),
        new("Printing", "បោះពុម្ព", "Printing", "1811", 1.5, 0.5, "រោងពុម្ព"),
        new("Real Estate", "អចលនទ្រព្យ", "Real estate activities", "6810", 2.5, 1, "ក្រុមហ៊ុន"),
        new("Motor Repair", "ជួសជុលម៉ូតូ", "Sale and repair of motorcycles", "4540", 4, 0.1, "ហាង"),
        new("Beauty Salon", "សម្ផស្ស", "Hairdressing and beauty treatment", "9602", 3, 0.1, "ហាង"),
        new("Electronics", "គ្រឿងអេឡិចត្រូនិច", "Retail sale of electronics", "4742", 2.5, 0.3, "ហាង"),
        new("Agriculture", "កសិកម្ម", "Growing of crops", "0111", 3, 3, "កសិដ្ឋាន"),
        new("Security Services", "សន្តិសុខ", "Private security activities", "8010", 0.8, 3, "ក្រុមហ៊ុន"),
        new("Travel & Tours", "ទេសចរណ៍", "Travel agency activities", "7911", 1.5, 0.2, "ក្រុមហ៊ុន"),
        new("Furniture", "គ្រឿងសង្ហារិម", "Manufacture of furniture", "3100", 2, 1.5, "ហាង"),
        new("Jewelry", "គ្រឿងអលង្ការ", "Retail sale of jewellery", "4773", 2, 0.1, "ហាង"),
        new("Technology", "បច្ចេកវិទ្យា", "Computer programming", "6201", 1.5, 0.5, "ក្រុមហ៊ុន"),
        new("Consulting", "ប្រឹក្សា", "Management consultancy", "7020", 1.5, 0.3, "ក្រុមហ៊ុន"),
        new("Brick Factory", "ឥដ្ឋ", "Manufacture of clay bricks", "2392", 0.8, 1.5, "រោងចក្រ"),
        new("Pure Water", "ទឹកសុទ្ធ", "Manufacture of bottled water", "1104", 1, 0.5, "រោងចក្រ"),
        new("Education Centre", "មជ្ឈមណ្ឌលអប់រំ", "Other education", "8549", 1.5, 0.5, "សាលា"),
    ];
}

/// <summary>
/// Words firms build their names from: Khmer words of good omen, family names, places, and the Chinese-style
/// names common among garment factories. Each has its Khmer spelling and its usual romanisation.
/// </summary>
internal static class NameStems
{
    public static IReadOnlyList<KhmerWord> Khmer { get; } =
    [
        new("សុខា", "Sokha"), new("អង្គរ", "Angkor"), new("មេគង្គ", "Mekong"), new("មាស", "Meas"), new("ពេជ្រ", "Pich"),
        new("រស្មី", "Reaksmey"), new("ឧត្តម", "Oudom"), new("មង្គល", "Mongkol"), new("បុប្ផា", "Bopha"), new("តេជោ", "Techo"),
        new("វឌ្ឍនៈ", "Vathanak"), new("សម្បត្តិ", "Sambath"), new("ជ័យ", "Chey"), new("បាយ័ន", "Bayon"), new("សំណាង", "Samnang"),
        new("ថ្មី", "Thmey"), new("ផ្កាយ", "Phkay"), new("សុវណ្ណភូមិ", "Sovannaphum"), new("កម្ពុជា", "Kampuchea"), new("អាស៊ី", "Asia"),
        new("ហេង", "Heng"), new("លី", "Ly"), new("គឹម", "Kim"), new("ចាន់", "Chan"), new("ម៉េងលី", "Mengly"),
        new("សុវណ្ណ", "Sovann"), new("ពន្លឺ", "Ponleu"), new("ស្រីពេជ្រ", "Sreypich"), new("កំពង់", "Kampong"), new("ភ្នំពេញ", "Phnom Penh"),
    ];

    /// <summary>Names of foreign-owned factories, with the Khmer transliteration the MoC register shows.</summary>
    public static IReadOnlyList<KhmerWord> Foreign { get; } =
    [
        new("ហុងហ្វា", "Hong Fa"), new("យុងវ៉ា", "Yung Wah"), new("ស៊ុនហ្វុង", "Sun Fung"), new("អេវើគ្លរី", "Ever Glory"),
        new("ជិនហួ", "Jin Hua"), new("ថៃយ៉ាង", "Tai Yang"), new("ស៊ិនដា", "Sheng Da"), new("ញូវវើល", "New World"),
        new("ហ្គោលដិន", "Golden"), new("ហ្គ្រេនធ្វីន", "Grand Twins"), new("ឃ្វីនស៍", "Quint"), new("មេយ៉ាង", "Mei Yang"),
    ];
}

/// <summary>
/// Lines of business of the hard profile beyond the default 30: words that trade lists often miss (development,
/// investment, clinic, food...), with their Khmer forms.
/// </summary>
internal static class ExtendedActivities
{
    public static IReadOnlyList<Activity> All { get; } =
    [
        new("Development", "អភិវឌ្ឍន៍", "Development of building projects", "4100", 3, 3, "ក្រុមហ៊ុន"),
        new("Investment", "វិនិយោគ", "Activities of holding companies", "6420", 2, 2, "ក្រុមហ៊ុន"),
        new("Clinic", "គ្លីនិក", "Medical and dental practice activities", "8620", 3, 0.5, "គ្លីនិក"),
        new("Dental Clinic", "គ្លីនិកធ្មេញ", "Medical and dental practice activities", "8620", 1.5, 0.2, "គ្លីនិក"),
        new("Food", "អាហារ", "Manufacture of other food products", "1079", 3, 3, "ហាង"),
        new("Engineering", "វិស្វកម្ម", "Engineering activities", "7110", 2, 2, "ក្រុមហ៊ុន"),
        new("Logistics", "ភស្តុភារ", "Other transportation support activities", "5229", 2, 3, "ក្រុមហ៊ុន"),
        new("Services", "សេវាកម្ម", "Other business support service activities", "8299", 3, 1, "ក្រុមហ៊ុន"),
        new("Group", "គ្រុប", "Activities of head offices", "7010", 1.5, 3, "ក្រុមហ៊ុន"),
        new("Industrial", "ឧស្សាហកម្ម", "Manufacture of other fabricated metal products", "2599", 1, 4, "រោងចក្រ"),
        new("Supply", "ផ្គត់ផ្គង់", "Non-specialised wholesale trade", "4690", 2, 1, "ក្រុមហ៊ុន"),
        new("Microfinance", "មីក្រូហិរញ្ញវត្ថុ", "Other monetary intermediation", "6419", 1, 3, "គ្រឹះស្ថាន"),
        new("Bakery", "នំប៉័ង", "Manufacture of bakery products", "1071", 2, 0.3, "ហាង"),
        new("Accounting", "គណនេយ្យ", "Accounting and tax consultancy", "6920", 1, 0.3, "ការិយាល័យ"),
        new("Spa", "ស្ប៉ា", "Physical well-being activities", "9609", 1.5, 0.2, "ហាង"),
        new("Car Wash", "លាងឡាន", "Maintenance and repair of motor vehicles", "4520", 1.5, 0.1, "ហាង"),
        new("Petrol Station", "ស្ថានីយប្រេងឥន្ធនៈ", "Retail sale of automotive fuel", "4730", 1, 0.5, "ស្ថានីយ"),
        new("Solar", "ថាមពលព្រះអាទិត្យ", "Electric power generation", "3510", 0.5, 1, "ក្រុមហ៊ុន"),
        new("Cosmetics", "គ្រឿងសំអាង", "Retail sale of cosmetic articles", "4772", 1.5, 0.2, "ហាង"),
        new("Auto Parts", "គ្រឿងបន្លាស់", "Sale of motor vehicle parts", "4530", 1.5, 0.2, "ហាង"),
        new("Steel", "ដែក", "Manufacture of basic iron and steel", "2410", 0.5, 3, "រោងចក្រ"),
        new("Packaging", "វេចខ្ចប់", "Manufacture of paper packaging", "1702", 0.5, 3, "រោងចក្រ"),
    ];
}
