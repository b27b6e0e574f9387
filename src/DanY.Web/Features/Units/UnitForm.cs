using System.ComponentModel.DataAnnotations;
using DanY.Domain.Units;

namespace DanY.Web.Features.Units;

/// <summary>The fields a person edits on a unit.</summary>
public sealed class UnitForm
{
    [Required(ErrorMessage = "Vui lòng nhập mã đơn vị.")]
    [StringLength(Unit.CodeMaxLength, ErrorMessage = "Mã đơn vị quá dài.")]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.")]
    [Display(Name = "Mã đơn vị")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
    [StringLength(Unit.NameMaxLength, ErrorMessage = "Tên đơn vị quá dài.")]
    [Display(Name = "Tên đơn vị")]
    public string Name { get; set; } = "";

    [Display(Name = "Loại")]
    public UnitKind Kind { get; set; } = UnitKind.PartyCell;

    [Display(Name = "Cấp")]
    public UnitLevel Level { get; set; } = UnitLevel.Grassroots;

    [Display(Name = "Hệ thống")]
    public UnitSystem System { get; set; } = UnitSystem.Party;
}
